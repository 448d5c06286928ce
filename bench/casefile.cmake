# Case files: bench/casefile_bench.sh drives the `tafkik` binary against shell peers
# (sha256sum, cp + sync, zip -0, unzip -t); nothing to build beyond `tafkik`.
