"""Pages of step 2, one module per page group: a programme's teams and suggested teams
(`programmes`), a review's team (`teams`), conflicts of interest (`conflicts`), training
sessions and their materials (`training`). Coordinators manage; team members and the host
city's officers see their team."""
