"""PDF rendering with reportlab: plain data in, PDF bytes out; embedded TrueType CJK fonts."""
