"""Sarhad: an open-source migration and border management information system."""

__version__ = "0.1.0"
