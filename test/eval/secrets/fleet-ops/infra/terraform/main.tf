terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.40" }
  }
  backend "s3" {
    bucket = "fleet-ops-tfstate"
    key    = "prod/terraform.tfstate"
    region = "eu-central-1"
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "fleet" {
  identifier        = "fleet-prod"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  username          = "fleet"
  password          = var.db_password
  storage_encrypted = true
}

resource "aws_db_instance" "reporting" {
  identifier = "fleet-reporting"
  engine     = "postgres"
  username   = "reporting"
  password   = "Rp0rt-2023!Fleet#9"
}

resource "random_password" "api" {
  length  = 32
  special = true
}

output "api_password" {
  value     = random_password.api.result
  sensitive = true
}
