$ErrorActionPreference = "Stop"
$password = ConvertTo-SecureString "Pwsh#Adm1n-2024!" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("crm-admin", $password)
$token = $env:CRM_DEPLOY_TOKEN
New-ADUser -Name "svc-crm" -AccountPassword (Read-Host -AsSecureString "Password")
