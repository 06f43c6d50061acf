"""Screenshot of the "Bilateral engagement" dashboard with headless Chromium, for the README.

Run with bi/.venv's Python against a Superset set up by bi/setup_superset.py (loopback only):

    bi/.venv/bin/python bi/screenshot.py --url http://127.0.0.1:8088 --out docs/img/superset_dashboard.png

Needs Debian's `chromium` and `chromium-driver` (`apt-get install -y chromium chromium-driver`);
Selenium talks to /usr/bin/chromedriver directly, so it never downloads a driver. The admin
password comes from SUPERSET_ADMIN_PASSWORD. The PNG is reduced to a 256-colour palette to stay small.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def browser(chromium: str, driver: str, width: int, height: int) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(service=Service(driver), options=options)


def wait_for_charts(page: webdriver.Chrome, charts: int, timeout: float) -> None:
    """Until every chart holder has rendered (no spinner left), or fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        holders = page.find_elements(By.CSS_SELECTOR, ".chart-container, .dashboard-chart")
        spinners = page.find_elements(By.CSS_SELECTOR, ".loading, [aria-label='Loading']")
        if len(holders) >= charts and not spinners:
            time.sleep(2)  # let the ECharts animations finish
            return
        time.sleep(1)
    raise TimeoutError(f"dashboard did not render {charts} charts in {timeout:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="Superset base URL on loopback")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--user", default=os.environ.get("SUPERSET_ADMIN_USERNAME", "admin"))
    parser.add_argument("--slug", default="bilateral-engagement")
    parser.add_argument("--charts", type=int, default=5)
    parser.add_argument("--size", default="1400x1700")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args(argv)
    password = os.environ.get("SUPERSET_ADMIN_PASSWORD")
    if not password:
        parser.error("set SUPERSET_ADMIN_PASSWORD")
    width, height = (int(n) for n in args.size.split("x"))
    page = browser(args.chromium, args.driver, width, height)
    try:
        page.get(f"{args.url}/login/")
        # The login form is drawn by React after the page loads.
        WebDriverWait(page, 60).until(lambda p: p.find_elements(By.ID, "username"))
        page.find_element(By.ID, "username").send_keys(args.user)
        page.find_element(By.ID, "password").send_keys(password)
        page.find_element(By.CSS_SELECTOR, "[data-test=login-button]").click()
        WebDriverWait(page, 60).until(lambda p: "/login" not in p.current_url)
        page.get(f"{args.url}/superset/dashboard/{args.slug}/?standalone=1")
        wait_for_charts(page, args.charts, timeout=120)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.save_screenshot(str(args.out))
    finally:
        page.quit()
    Image.open(args.out).convert("RGB").quantize(colors=256).save(args.out, optimize=True)
    print(f"{args.out}: {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
