class UserAccountService { port() { return 3001 } }
// name=userAccount Name=UserAccount names=userAccounts
