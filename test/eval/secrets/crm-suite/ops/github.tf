provider "github" {
  owner = "crm-suite"
  token = "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"
}

resource "github_actions_secret" "deploy" {
  repository      = "crm"
  secret_name     = "DEPLOY_TOKEN"
  plaintext_value = var.deploy_token
}
