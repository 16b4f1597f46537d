"""Domain package of the special-units dashboard: contract, reading, checking, store, metrics."""
