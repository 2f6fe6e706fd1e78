import rules

from citypeer.people.rules import is_coordinator

rules.add_perm("programmes.view_programme", rules.is_authenticated)
rules.add_perm("programmes.change_programme", is_coordinator)
