package com.example.inventory

import org.springframework.beans.factory.annotation.Value
import org.springframework.stereotype.Component

@Component
class ReorderClient(
    @Value("\${REORDER_WEBHOOK_URL}") private val webhookUrl: String,
    @Value("\${reorder.retries:3}") private val retries: Int,
) {
    private val apiToken: String = System.getenv("REORDER_API_TOKEN") ?: error("REORDER_API_TOKEN missing")
    private val timeoutMs = System.getenv("REORDER_TIMEOUT_MS")?.toLong() ?: 2000L

    fun describe() = "$webhookUrl $retries ${apiToken.length} $timeoutMs"
}
