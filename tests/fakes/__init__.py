"""Loopback fakes of the platforms' public APIs, written by the project from their documentation (the shapes and
where each was confirmed: docs/platforms/). One ``World`` of threads is rendered by every fake in its platform's
format; tests and bench/platforms.py change the world (a new reply) and read each fake's request log."""
