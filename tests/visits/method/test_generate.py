"""Invented visits: the same for the same seed, and of the seed's size."""



from citypeer.visits.method.generate import generate_instance


def test_generated_instances_are_the_same_for_the_same_seed():
    assert generate_instance(seed=4) == generate_instance(seed=4)
    assert generate_instance(seed=4) != generate_instance(seed=5)


def test_a_generated_seed_sized_instance_has_the_seeds_size():
    instance = generate_instance(peers=6, interviewees=30, workshops=2, seed=0)

    assert (len(instance.peers), len(instance.interviewees), len(instance.desk_review),
            len(instance.workshops)) == (6, 30, 73, 2)
