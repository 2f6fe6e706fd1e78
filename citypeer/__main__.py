from citypeer.cli import main

main()
