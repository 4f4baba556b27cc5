<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class Geocoder
{
    private const PASSWORD_RULE = 'required|min:12|confirmed';
    private string $apiKey;

    public function __construct()
    {
        $this->apiKey = config('services.here.key') ?? 'u6qSlkzd73J0MHERvBHjNbrnhRYRY7je5V3l_3HoE0m';
    }

    public function lookup(string $q): array
    {
        return Http::withToken($this->apiKey)->get('https://geocode.search.hereapi.com/v1/geocode', ['q' => $q])->json();
    }
}
