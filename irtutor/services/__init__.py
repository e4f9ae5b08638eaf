"""Use cases the window calls: the lesson library, profiles, a quiz session. No Qt."""
