"""Helpers for the workflows and the Makefile (standard library only)."""
