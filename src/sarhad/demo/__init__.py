"""The demo country: posts, staff for each role, travellers and their border history."""
