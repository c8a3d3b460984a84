from saring.cli import main

raise SystemExit(main())
