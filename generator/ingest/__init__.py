"""Reading seeds and registries: files, front matter, limits and metadata inference."""
