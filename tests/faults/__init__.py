"""Bad input and faults through the real entry point, one subprocess per case."""
