"""The counter app: the desk program of a one-stop Public Administrative Service Center."""

__version__ = "0.1.0"
