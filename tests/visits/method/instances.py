"""A small visit instance file, written out in full, for the format's tests."""

import copy
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = {
    "peers": [
        {"initials": "JB", "languages": ["en", "fr"]},
        {"initials": "FC", "languages": ["en"]},
        {"initials": "AB", "languages": ["en"]},
        {"initials": "CD", "languages": ["en"]},
    ],
    "interviewees": [
        {"id": "chair", "name": "Committee chair", "category": "politician",
         "organisation": "Consultative committee", "indicators": ["AC/I/3"],
         "availability": [{"day": 2, "start": "09:00", "end": "11:00"}], "required": True},
        {"id": "officer", "name": "Integration officer", "category": "municipality_staff",
         "indicators": ["AC/I/3", "GG/L/1"]},
        {"id": "imam", "name": "Imam", "category": "migrant_group", "language": "ar",
         "interpreter": True, "indicators": ["WP/A/2"],
         "availability": [{"day": 2, "start": "16:00", "end": "18:00"},
                          {"day": 3, "start": "14:00", "end": "18:00"}]},
        {"id": "teacher", "name": "Teacher", "category": "partner_organisation",
         "availability": [{"day": 3, "start": "09:00", "end": "12:00"}]},
    ],
    "workshops": [
        {"id": "A", "title": "Workshop A", "day": 2, "start": "16:00", "peers": ["JB", "FC"],
         "participants": ["imam"]},
    ],
    "desk_review": [
        {"indicator": "AC/I/3", "status": "needs_information",
         "questions": ["How were committee members appointed?"]},
        {"indicator": "GG/L/1", "status": "agrees", "questions": ["Who leads?"]},
    ],
}


def example(**changes) -> dict:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data
