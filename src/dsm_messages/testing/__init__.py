"""Sample messages and conversations, for the test suite, the tools that write the shipped
examples, the benchmarks and the documentation.

:mod:`.samples` holds one realistic, fully populated instance of every message body the
models know (``SAMPLES``, keyed ``"prefix:LocalName"``); :mod:`.conversations` builds protocol
conversations from them as lists of parsed envelopes (:class:`.conversations.Conversation`).
Nothing here is needed to read, write or check a message.
"""

__all__ = []
