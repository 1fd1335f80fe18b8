"""Samples of real genres."""


def make(spec, producer, path):
    raise NotImplementedError
