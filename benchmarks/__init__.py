"""Speed and memory goals, measured next to their baselines in the same run: `python -m benchmarks`."""
