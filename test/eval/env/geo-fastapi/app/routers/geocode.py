import os

import httpx
from fastapi import APIRouter, HTTPException

router = APIRouter(prefix="/geocode")
MAPBOX_TOKEN = os.environ["MAPBOX_TOKEN"]
TIMEOUT = float(os.environ.get('GEOCODER_TIMEOUT', '3.5'))


@router.get("/{query}")
async def geocode(query: str):
    provider = os.environ.get("GEOCODER_PROVIDER", "mapbox")
    if provider != "mapbox":
        raise HTTPException(501, f"provider {provider} not supported")
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        r = await client.get(
            f"https://api.mapbox.example.test/geocoding/v5/{query}.json",
            params={"access_token": MAPBOX_TOKEN},
        )
    return r.json()
