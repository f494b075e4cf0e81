from threadscout.search.cli import main

main()
