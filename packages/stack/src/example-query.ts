/** The query `npm start` prints when the stack is up: one request reading all five subgraphs. */
export const EXAMPLE_QUERY = `{
  customers(first: 5) {
    nodes {
      name
      balance { amount currency }
      contracts { number startDate endDate lines { product { code } quantity netUnitPrice { amount } }
                  revenueSchedule { obligations { description allocatedPrice { amount } recognizedToDate { amount } } } }
      invoices { number total { amount } status }
      renewals { renewalDate currentArr { amount } riskLevel riskReasons }
    }
  }
}`;
