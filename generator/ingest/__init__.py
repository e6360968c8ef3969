"""Reading seeds and registries: files, front matter, limits and metadata inference.

``reader`` finds seeds and splits their metadata from the body (``decode``
turns bytes into clean text, ``yaml_policy`` reads all YAML, ``limits``
applies the input limits); ``outlets`` and ``actor_registry`` load the
registries; ``extract`` infers an article's metadata from ``titles``,
``published``, ``credits`` and ``tags`` (with ``lede`` and ``fields``).
"""
