"""The ``audit`` command: the only part of the package that prints.

Receives command-line arguments. Adds nothing to the data: it builds an
Auditor from the configuration and the options (``app``: ``audit check``;
``rules``: ``audit rules ...``), checks the articles in one or several
processes (``runner``), shows progress (``progress``), and writes the chosen
report, with the error entries of unreadable inputs and the run's warnings
(``reporting``), atomically and without clobbering anything (``output``).
``exits`` turns whatever ends a command into its exit code and one line
(errors, internal errors, signals, warnings). ``launch`` is the console
script, which pauses the garbage collector during start-up
(``collector``). Open ``app`` first.
"""
