"""Command line entry point used for one-off admin jobs."""
import argparse
import logging


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        filename="billing-cli.log",
        format="%(asctime)s %(levelname)s %(message)s",
    )
    logging.info("cli started")


if __name__ == "__main__":
    main()
