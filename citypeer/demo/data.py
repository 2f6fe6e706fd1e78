"""Demo data: the six cities INTI-CITIES reviewed and the six that sent peers (seed 002).
Every person here is invented; no name printed in the seeds is used."""

REVIEWED_CITIES = [
    # slug, name, country, working languages
    ("helsinki", "Helsinki", "FI", ["fi", "sv", "en"]),
    ("rotterdam", "Rotterdam", "NL", ["nl", "en"]),
    ("malmo", "Malmö", "SE", ["sv", "en"]),
    ("genoa", "Genoa", "IT", ["it", "en"]),
    ("dusseldorf", "Düsseldorf", "DE", ["de", "en"]),
    ("lyon", "Lyon", "FR", ["fr", "en"]),
]

PEER_CITIES = [
    ("amaroussion", "Amaroussion", "GR", ["el", "en"]),
    ("barcelona", "Barcelona", "ES", ["es", "en"]),
    ("belfast", "Belfast", "GB", ["en"]),
    ("milan", "Milan", "IT", ["it", "en"]),
    ("tampere", "Tampere", "FI", ["fi", "en"]),
    ("utrecht", "Utrecht", "NL", ["nl", "en"]),
]

DEMO_PASSWORD = "citypeer-demo"

COORDINATOR = {
    "username": "coordinator",
    "name": "Noor Vandenberghe",
    "initials": "NV",
    "organisation": "City network secretariat",
    "languages": ["en", "fr", "nl"],
    "city": None,
    "roles": ["coordinator"],
}

# username, name, initials, city slug, organisation, languages, roles
PEOPLE = [
    ("aino.lehto", "Aino Lehto", "AL", "helsinki", "Immigration Division", ["fi", "en", "sv"],
     ["host_officer", "peer"]),
    ("daan.verhoef", "Daan Verhoef", "DV", "rotterdam", "Social Development", ["nl", "en", "de"],
     ["host_officer", "peer"]),
    ("ebba.lindqvist", "Ebba Lindqvist", "EL", "malmo", "Integration and Employment",
     ["sv", "en"], ["host_officer", "peer"]),
    ("giulia.ferrando", "Giulia Ferrando", "GF", "genoa", "Social Policies", ["it", "en", "fr"],
     ["host_officer", "peer"]),
    ("jonas.becker", "Jonas Becker", "JB", "dusseldorf", "Office for Integration",
     ["de", "en"], ["host_officer", "peer"]),
    ("claire.morel", "Claire Morel", "CM", "lyon", "Equality Mission", ["fr", "en", "it"],
     ["host_officer", "peer"]),
    ("eleni.markou", "Eleni Markou", "EM", "amaroussion", "Social Services", ["el", "en"],
     ["peer"]),
    ("pau.roig", "Pau Roig", "PR", "barcelona", "Immigration Office", ["es", "en", "fr"],
     ["peer"]),
    ("fiona.carson", "Fiona Carson", "FC", "belfast", "Good Relations Unit", ["en", "fr"],
     ["peer"]),
    ("marco.brambilla", "Marco Brambilla", "MB", "milan", "Migration Policies",
     ["it", "en", "de"], ["peer"]),
    ("sanna.koivisto", "Sanna Koivisto", "SK", "tampere", "Immigrant Services",
     ["fi", "en", "sv"], ["peer"]),
    ("ruben.dekker", "Ruben Dekker", "RD", "utrecht", "Diversity Policy", ["nl", "en"],
     ["peer"]),
    ("hannah.weiss", "Hannah Weiss", "HW", None, "Migration policy think tank",
     ["en", "de", "fr"], ["expert"]),
    ("tomas.almeida", "Tomás Almeida", "TA", None, "Peer review method consultancy",
     ["en", "pt", "fr"], ["expert"]),
]

# The INTI-CITIES milestones (seed 003), as the demo programme's phases.
PHASES = [
    ("kick_off", "2007-09-20", "2007-09-21"),
    ("training", "2008-01-10", "2008-01-11"),
    ("visits", "2008-02-11", "2008-06-20"),
    ("reports", "2008-07-01", "2008-10-31"),
    ("comparative_analysis", "2008-07-01", "2008-12-15"),
    ("benchmark_revision", "2008-07-01", "2009-01-15"),
]

PROGRAMME = {
    "slug": "demo-inti-cities-2008",
    "name": "INTI-CITIES 2008 (demo)",
    "benchmark": ("inti-cities-2009", 1),
    "description": "A demo programme on the INTI-CITIES benchmark: six host cities, peers from "
    "twelve cities, as in 2008. Everyone in it is invented.",
}
