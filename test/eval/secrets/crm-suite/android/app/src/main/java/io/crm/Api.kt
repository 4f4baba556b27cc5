package io.crm

import okhttp3.Credentials

object Api {
    const val TOKEN_HEADER = "Authorization"
    const val PASSWORD_MIN = 12
    val basic = Credentials.basic("crm-mobile", "M0b1le#Crm-Api-7")
    val passwordHint = "Use at least 12 characters"
}
