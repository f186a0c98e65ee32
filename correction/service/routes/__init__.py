"""One router per resource: lexicons, corrections and jobs, review, batches, tokens, health."""
