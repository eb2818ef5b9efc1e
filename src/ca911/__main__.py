from ca911.cli import main

raise SystemExit(main())
