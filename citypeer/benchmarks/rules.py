import rules

from citypeer.people.rules import is_coordinator

# Benchmarks are the network's shared standard: every member reads them; only the
# coordinator brings in a new version.
rules.add_perm("benchmarks.view_benchmark", rules.is_authenticated)
rules.add_perm("benchmarks.import_benchmark", is_coordinator)
