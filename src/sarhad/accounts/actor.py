"""Who is acting: a signed-in user, an API client, or the system itself.

Every service and selector takes an :class:`Actor` and checks, on each object it reads
or writes, that the actor's role (or the client's scopes) allows it and that a
post-scoped actor only touches records of its own posts. Pages and API routes build the
actor; they do not make these decisions themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sarhad.common.errors import Forbidden

from .roles import POST_SCOPED_ROLES, role_has

# Which API scope stands in for a role permission when a machine client calls.
SCOPE_FOR_PERMISSION = {
    "person.read": "people:read",
    "person.write": "people:write",
    "border.desk": "border:check",
    "border.record": "border:record",
    "border.read": "border:read",
}


@dataclass(frozen=True)
class Actor:
    kind: str  # "user" | "api" | "system"
    id: int | None
    name: str
    role: str = ""
    post_codes: frozenset[str] | None = None  # None: not limited to posts
    scopes: frozenset[str] = field(default_factory=frozenset)
    ip: str = ""

    # -- construction -----------------------------------------------------------------
    @classmethod
    def for_user(cls, user, ip: str = "") -> "Actor":
        posts = None
        if user.role in POST_SCOPED_ROLES and not user.is_superuser:
            posts = frozenset(user.posts.values_list("code", flat=True))
        return cls("user", user.pk, user.get_username(), user.role, posts, frozenset(), ip)

    @classmethod
    def for_client(cls, client, ip: str = "") -> "Actor":
        posts = frozenset(client.posts.values_list("code", flat=True)) or None
        return cls("api", client.pk, client.name, "api_client", posts, frozenset(client.scopes), ip)

    @classmethod
    def system(cls, name: str = "system") -> "Actor":
        return cls("system", None, name, "system")

    @classmethod
    def from_request(cls, request) -> "Actor":
        return cls.for_user(request.user, client_ip(request))

    # -- checks -----------------------------------------------------------------------
    def can(self, permission: str) -> bool:
        if self.kind == "system":
            return True
        if self.kind == "api":
            scope = SCOPE_FOR_PERMISSION.get(permission)
            return scope is not None and scope in self.scopes
        return role_has(self.role, permission)

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise Forbidden(f"{self.name} ({self.role}) may not {permission}", code="forbidden_role")

    def can_see_post(self, post_code: str | None) -> bool:
        return self.post_codes is None or (post_code is not None and post_code in self.post_codes)

    def require_post(self, post_code: str | None) -> None:
        if not self.can_see_post(post_code):
            raise Forbidden(
                f"{self.name} is not assigned to border crossing point {post_code}",
                code="forbidden_post",
            )

    @property
    def default_post(self) -> str | None:
        if self.post_codes and len(self.post_codes) >= 1:
            return sorted(self.post_codes)[0]
        return None


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or ""
