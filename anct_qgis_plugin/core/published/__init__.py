"""What is published and how it is read: the catalogue, data.gouv.fr, editions, parsers, codes, territories."""
