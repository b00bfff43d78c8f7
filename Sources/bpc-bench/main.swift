// bpc-bench: measures lexer and parser throughput (filled in below).
print("bpc-bench")
