"""The one text model: blocks, sentences and tokens of an article body, and the lexicon.

Every stage reads an article through :class:`generator.text.document.Document`
built once per article; nothing outside this package splits sentences,
tokenises or keeps word lists.
"""
