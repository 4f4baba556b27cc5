package com.acme.billing.export

import java.net.http.HttpClient

object ExporterConfig {
    const val BUCKET = "acme-billing-exports"
    val accessToken: String = System.getenv("EXPORT_TOKEN") ?: ""
    const val PASSWORD_FIELD = "password"
    private const val DROPBOX_TOKEN = "sl.xFP5-lEn2jx8BZmHuJs8XuviY-QZDZhRh3ufmu4NOoDtjI0dxt90BPOdgM9s_GXXtVwuzX7cjhf7xvauKUI-usuh7Sn7s5Ez6TroztM9FgFPgiL8bhrw84Ycno-VfyGaHB"
    val client: HttpClient = HttpClient.newHttpClient()
}
