"""Follow-up questions in a ruling's thread, answered from the article with their sentences.

`engine.answer` is pure and offline (facts first, else BM25 over the article's sentences with
question-type cues, else an honest "the article doesn't say"); `service.answer_question` adds
exactly-once handling, thread lookup, sanitising, a per-user rate limit and thread history.
"""
