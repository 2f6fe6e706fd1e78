"""The benchmark schema: one document type for both styles of benchmark in the method.

Plain Python, no Django: the pages, the API and the CLI all read and check benchmark
documents through this package.
"""

from citypeer.core.benchmark.document import (
    KIND_MATRIX,
    KIND_TOOLKIT,
    BenchmarkDocument,
    DocumentCityExample,
    DocumentContextFactor,
    DocumentIndicator,
    DocumentKeyFactor,
    DocumentPillar,
    DocumentValue,
    document_from_dict,
    document_to_dict,
)
from citypeer.core.benchmark.validation import (
    BenchmarkDocumentError,
    Problem,
    load_document,
    parse_document_text,
    validate_document,
)

__all__ = [
    "KIND_MATRIX",
    "KIND_TOOLKIT",
    "BenchmarkDocument",
    "BenchmarkDocumentError",
    "DocumentCityExample",
    "DocumentContextFactor",
    "DocumentIndicator",
    "DocumentKeyFactor",
    "DocumentPillar",
    "DocumentValue",
    "Problem",
    "document_from_dict",
    "document_to_dict",
    "load_document",
    "parse_document_text",
    "validate_document",
]
