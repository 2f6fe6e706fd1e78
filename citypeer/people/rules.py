"""One predicate per question about a person; apps combine them into permissions."""

import rules


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_coordinator or user.is_superuser))


@rules.predicate
def is_host_officer(user) -> bool:
    return bool(user and user.is_authenticated and user.is_host_officer)


@rules.predicate
def is_peer(user) -> bool:
    return bool(user and user.is_authenticated and user.is_peer)


@rules.predicate
def is_expert(user) -> bool:
    return bool(user and user.is_authenticated and user.is_expert)


@rules.predicate
def is_self(user, person) -> bool:
    return bool(person is not None and user.is_authenticated and user.pk == person.pk)


rules.add_perm("people.change_own_profile", is_self)
rules.add_perm("people.change_roles", is_coordinator)
rules.add_perm("people.view_person", rules.is_authenticated)
