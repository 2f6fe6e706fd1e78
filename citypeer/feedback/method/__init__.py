"""The rules of this step in plain Python: no Django import (a test enforces it)."""
