"""``python -m henan_terms`` runs the command line."""

from .cli import main

raise SystemExit(main())
