"""Business-to-business 1:1 meeting scheduling: model, loaders, validator, solvers and CLI."""
