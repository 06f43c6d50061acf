"""Give each user of the local Airflow a generated password, once, and say where they are kept.

The local setup (scripts/airflow_env.sh) uses Airflow's simple auth manager with the users of
``[core] simple_auth_manager_users`` (an admin and a viewer). Its own ``init`` generates a
password for every user the passwords file lacks and prints it; running it here, from the main
command, prints them once, before anybody starts the UI. Later runs print nothing new and only
name the file (AIRFLOW_HOME/simple_auth_manager_passwords.json.generated, readable by its owner
only). To reset a password, delete its entry from the file and run this again.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    from airflow.api_fastapi.auth.managers.simple.simple_auth_manager import SimpleAuthManager
    from airflow.configuration import conf

    if conf.getboolean("core", "simple_auth_manager_all_admins"):
        print("airflow users: simple_auth_manager_all_admins is on: everyone is admin, no login")
        return 0
    SimpleAuthManager().init()  # prints "Password for user '<name>': ..." for each new user
    passwords = Path(SimpleAuthManager.get_generated_password_file())
    passwords.chmod(0o600)
    users = ", ".join(f"{user.username} ({user.role})" for user in SimpleAuthManager.get_users())
    print(f"Airflow users: {users}; passwords in {passwords}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
