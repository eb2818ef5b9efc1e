"""`make bench` in parts: measure (run and time the builds), analysis (ratios, verdicts, why/fix),
report (the page a reader reads). tools/bench.py is the command."""
