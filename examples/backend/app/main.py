"""A tiny service: the example the audit is run on."""
import os

from fastapi import FastAPI

app = FastAPI(title="helpdesk-backend")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "database": os.environ.get("DATABASE_URL", "unset").split("@")[-1]}
