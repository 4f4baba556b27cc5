android {
    namespace = "io.crm.mobile"
    defaultConfig {
        applicationId = "io.crm.mobile"
        buildConfigField("String", "API_BASE_URL", "\"https://api.crm.io\"")
        buildConfigField("String", "SEGMENT_WRITE_KEY", "\"22xMtNtQ5ZQj19ZFZzQGiAO3IYWkRVp5\"")
        manifestPlaceholders["MAPS_API_KEY"] = project.findProperty("MAPS_API_KEY") ?: ""
    }
}
