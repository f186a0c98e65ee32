"""Reviewing proposed fixes before they are applied: proposals, decisions, views and learning."""
